/**
 * AG Grid Community, registered once with only the modules the data view uses. Themes come from the
 * bundled legacy CSS (imported in main.tsx): the theming API injects <style> elements that a strict
 * CSP refuses.
 */
import { CellStyleModule, InfiniteRowModelModule, ModuleRegistry, TooltipModule } from 'ag-grid-community';

let registered = false;

export function registerGridModules(): void {
  if (registered) return;
  ModuleRegistry.registerModules([InfiniteRowModelModule, CellStyleModule, TooltipModule]);
  registered = true;
}
