/** Accepts a HAR file dropped anywhere on the panel and imports it. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { usePanelState } from '../state/panel-context.ts';

const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');

export function HarDropZone({ children }: { children: ComponentChildren }) {
  const { actions } = usePanelState();
  const [over, setOver] = useState(false);
  return (
    <div
      class={`drop-zone${over ? ' over' : ''}`}
      data-testid="har-drop-zone"
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault(); // allows the drop
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setOver(false);
      }}
      onDrop={async (e) => {
        setOver(false);
        const file = e.dataTransfer?.files[0];
        if (!file) return;
        e.preventDefault();
        actions.importHar(await file.text(), file.name);
      }}
    >
      {children}
      {over && <div class="drop-hint">Drop a HAR file to import it</div>}
    </div>
  );
}
