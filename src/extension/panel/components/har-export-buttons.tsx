/**
 * HAR export of the shown requests: "Export HAR (sanitised)" is the default — credential header
 * values, cookies and URL passwords redacted (lib/har.ts) — and "Export raw HAR" is the separate,
 * clearly named choice that keeps them, for a file that stays with you.
 */
import { harFile } from '../lib/har.ts';
import { usePanelState } from '../state/panel-context.ts';

export function HarExportButtons() {
  const { visible, actions, services } = usePanelState();
  const exportRaw = () =>
    services.download.save(
      harFile(
        visible.value.map((r) => r.exchange),
        { raw: true },
      ),
    );
  return (
    <>
      <button
        data-testid="har-export"
        title="Download the shown requests as HAR 1.2, with credential values and cookies redacted (safe to share)"
        onClick={actions.exportHar}
      >
        Export HAR (sanitised)
      </button>
      <button
        data-testid="har-export-raw"
        title="Download the shown requests as captured, Authorization, cookies and API keys included: do not share"
        onClick={exportRaw}
      >
        Export raw HAR (with credentials)
      </button>
    </>
  );
}
