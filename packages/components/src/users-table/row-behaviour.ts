/**
 * What the rows of `<users-table>` need once there are rows: the actions menu's element, the grid's
 * keyboard moves and the groups tooltip. The table fetches this module while its first page loads and
 * shows the rows when both have arrived, so the screen's first paint (`roster.js`) does without it.
 */
import '../internal/menu-button/menu-button.ts';

export { GroupTooltipController } from './group-tooltip.ts';
export { RowFocusController } from './row-focus.ts';
// What a row's invitation actions do, and why they failed: as on the person's page (see row-actions.ts).
export { runInvitationAction } from '../user-details/actions.ts';
export { invitationActionError } from '../user-details/labels.ts';
