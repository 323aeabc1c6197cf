import { css } from 'lit';
import { baseStyles } from '../internal/base.styles.ts';
import { dialogStyles } from '../internal/dialog.styles.ts';
import { tokens } from '../internal/tokens.ts';
import { waitingButtonStyles } from '../internal/waiting-buttons.styles.ts';

export const addUsersDialogStyles = [
  tokens,
  baseStyles,
  waitingButtonStyles,
  dialogStyles,
  css`
    dialog {
      width: min(40rem, calc(100vw - 2rem));
    }

    textarea {
      font: inherit;
      color: inherit;
    }

    textarea.control {
      display: block;
      width: 100%;
      min-height: 6rem;
      padding: var(--_space) calc(var(--_space) * 1.5);
      resize: vertical;
    }

    /* Progress: numbered steps, the current one in the accent colour. */
    .steps {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space) calc(var(--_space) * 2);
      margin: 0 0 calc(var(--_space) * 2);
      padding: 0 0 calc(var(--_space) * 1.5);
      border-bottom: 1px solid var(--_border);
      list-style: none;
      color: var(--_text-muted);
      font-size: 0.8125rem;
    }

    .steps li {
      display: inline-flex;
      align-items: center;
      gap: calc(var(--_space) / 2);
    }

    .step-number {
      display: inline-grid;
      place-items: center;
      width: 1.375rem;
      height: 1.375rem;
      border: 1px solid currentColor;
      border-radius: 50%;
      font-size: 0.75rem;
    }

    .steps .current {
      color: var(--_accent);
      font-weight: 600;
    }

    .steps .current .step-number {
      border-color: var(--_accent);
      background: var(--_accent);
      color: var(--_on-accent);
    }

    .steps .done {
      color: var(--_text);
    }

    .step-heading {
      margin: 0 0 var(--_space);
      font-size: 1rem;
    }

    /* The heading takes focus only to start each step there for screen readers; it is not a control. */
    .step-heading:focus {
      outline: none;
    }

    .label,
    label,
    legend {
      font-weight: 600;
    }

    .hint {
      margin: calc(var(--_space) / 2) 0 var(--_space);
      color: var(--_text-muted);
    }

    .field {
      display: grid;
      gap: calc(var(--_space) / 2);
    }

    .field input {
      width: 100%;
    }

    .field-error {
      display: block;
      margin: calc(var(--_space) / 2) 0 0;
      color: var(--_danger);
      font-weight: 600;
    }

    [aria-invalid='true'] {
      border-color: var(--_danger);
      border-width: 2px;
    }

    /* The checked addresses: icon, address and verdict in words on every line. */
    .entries {
      display: grid;
      gap: 2px;
      margin: var(--_space) 0 0;
      padding: 0;
      list-style: none;
    }

    .entry {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: var(--_space);
      padding: calc(var(--_space) / 2) var(--_space);
      border-inline-start: 3px solid var(--_border);
    }

    .entry-email {
      overflow-wrap: anywhere;
    }

    .entry-status {
      margin-inline-start: auto;
      font-size: 0.8125rem;
    }

    .entry-valid {
      border-color: var(--_success);
    }

    .entry-valid .icon,
    .entry-valid .entry-status {
      color: var(--_success);
    }

    .entry-invalid {
      border-color: var(--_danger);
      background: var(--_surface-raised);
    }

    .entry-invalid .icon,
    .entry-invalid .entry-status {
      color: var(--_danger);
      font-weight: 600;
    }

    .entry-invalid .entry-email {
      text-decoration: underline wavy var(--_danger);
    }

    /* Repeated, or someone already in the account: not an error, but nobody new is invited. */
    .entry-duplicate,
    .entry-member {
      border-color: var(--_warning);
    }

    .entry-duplicate .icon,
    .entry-duplicate .entry-status,
    .entry-member .icon,
    .entry-member .entry-status {
      color: var(--_warning);
    }

    /* Names: one box per person. */
    .people {
      display: grid;
      gap: var(--_space);
    }

    fieldset {
      margin: 0;
      padding: var(--_space) calc(var(--_space) * 1.5) calc(var(--_space) * 1.5);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }

    .person {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
      gap: var(--_space) calc(var(--_space) * 2);
    }

    .person-email {
      overflow-wrap: anywhere;
    }

    .person-note {
      grid-column: 1 / -1;
      margin: 0;
    }

    /* Someone left out (already in the account): a line, not a box of fields. */
    .person-left-out {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: var(--_space);
      padding: var(--_space) calc(var(--_space) * 1.5);
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
    }

    .person-left-out .person-email {
      font-weight: 600;
    }

    .person-left-out .tag {
      color: var(--_warning);
    }

    input[readonly] {
      background: var(--_surface-raised);
    }

    /* Groups */
    .search {
      margin-bottom: calc(var(--_space) * 1.5);
    }

    .groups {
      display: grid;
      gap: var(--_space);
    }

    .check {
      display: flex;
      align-items: baseline;
      gap: var(--_space);
      font-weight: normal;
      cursor: pointer;
    }

    .check input {
      accent-color: var(--_accent);
      margin: 0;
    }

    .group-name {
      font-weight: 600;
    }

    /* Overview */
    .table-wrap {
      overflow: hidden;
      margin-bottom: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }

    table {
      width: 100%;
      border-collapse: collapse;
    }

    th,
    td {
      padding: calc(var(--_space) / 2) var(--_space);
      text-align: start;
      border-bottom: 1px solid var(--_border);
      overflow-wrap: anywhere;
    }

    th {
      background: var(--_surface-raised);
    }

    tbody tr:last-child td {
      border-bottom: none;
    }

    /* Summary */
    .results {
      display: grid;
      gap: var(--_space);
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .result {
      padding: var(--_space) calc(var(--_space) * 1.5);
      border: 1px solid var(--_border);
      border-inline-start-width: 4px;
      border-radius: var(--_radius);
    }

    .result p {
      margin: calc(var(--_space) / 2) 0 0;
    }

    .result-head {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: var(--_space);
    }

    .result-email {
      font-weight: 600;
      overflow-wrap: anywhere;
    }

    .result-invited {
      border-inline-start-color: var(--_success);
    }

    .result-invited .tag {
      color: var(--_success);
    }

    .result-already_member {
      border-inline-start-color: var(--_warning);
    }

    .result-already_member .tag {
      color: var(--_warning);
    }

    .result-invalid {
      border-inline-start-color: var(--_danger);
    }

    .result-invalid .tag {
      color: var(--_danger);
    }

    /* A later line of an address already listed: invited (or not) on its first line. */
    .result-repeat {
      border-inline-start-color: var(--_warning);
    }

    .result-repeat .tag {
      color: var(--_warning);
    }

    /* A message that explains a refused Next takes focus, so it is seen and read. */
    .refusal:focus:not(:focus-visible) {
      outline: none;
    }

    .link-row {
      display: flex;
      gap: var(--_space);
      margin-top: var(--_space);
    }

    .link {
      flex: 1;
      min-width: 0;
      font-family: var(--roster-font-family-mono, ui-monospace, SFMono-Regular, Menlo, monospace);
      font-size: 0.8125rem;
    }

    .copy-note {
      min-height: 1.45em;
      margin: var(--_space) 0 0;
      color: var(--_text-muted);
    }

    /* Buttons: Cancel on the left, Back and the main action on the right. */
    .spacer {
      flex: 1;
    }

    .primary {
      font-weight: 600;
    }
  `,
];
