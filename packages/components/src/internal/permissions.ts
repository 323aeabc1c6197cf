import { css, html } from 'lit';
import type { Permission } from '@roster/shared';

/**
 * Permissions as people read them: the host's label, its description on hover, and the module id
 * only as secondary text (administrators sometimes need it to talk to the host's support).
 */
export function permissionList(permissions: readonly Permission[]) {
  return permissions.map(
    (permission, index) =>
      html`${index > 0 ? ', ' : ''}<span class="permission" title=${permission.description}>${permission.label}
          <span class="permission-id">(${permission.id})</span></span>`,
  );
}

export const permissionStyles = css`
  .permission-id {
    color: var(--_text-muted);
    font-family: var(--roster-font-family-mono, ui-monospace, SFMono-Regular, Menlo, monospace);
    font-size: 0.75rem;
  }
`;
