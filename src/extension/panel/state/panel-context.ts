/** One context carries the one store; components take it with usePanelState(). */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { PanelState } from './panel-state.ts';

export const PanelContext = createContext<PanelState | null>(null);

export function usePanelState(): PanelState {
  const state = useContext(PanelContext);
  if (!state) throw new Error('usePanelState() outside <PanelContext.Provider>');
  return state;
}
