import { css } from 'lit';
import { baseStyles } from '../internal/base.styles.ts';
import { tokens } from '../internal/tokens.ts';

export const usersTableStyles = [
  tokens,
  baseStyles,
  css`
    /* The element's own width decides between the table and the list of people (see the end): a host may
       put it in a narrow column of a wide page. */
    :host {
      display: block;
      container-type: inline-size;
    }

    .base {
      display: grid;
      gap: calc(var(--_space) * 2);
    }

    .toolbar,
    .footer {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_space) * 2);
    }

    .field {
      display: inline-flex;
      align-items: center;
      gap: var(--_space);
    }

    .search {
      flex: 1 1 16rem;
    }

    .search input {
      width: 100%;
    }

    .label {
      color: var(--_text-muted);
    }

    /* State filter: a disclosure whose checkbox list floats below its button. */
    .state-filter {
      position: relative;
    }

    .state-filter summary {
      list-style: none;
    }

    .state-filter summary::-webkit-details-marker {
      display: none;
    }

    .state-filter summary::after {
      content: '▾';
      color: var(--_text-muted);
    }

    .popover {
      position: absolute;
      z-index: 2;
      top: calc(100% + 4px);
      left: 0;
      display: grid;
      gap: var(--_space);
      min-width: 14rem;
      margin: 0;
      padding: calc(var(--_space) * 1.5);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      box-shadow: var(--_shadow);
    }

    /* 24px: the least target size WCAG 2.2 allows (the label toggles its box). */
    .check {
      display: flex;
      align-items: center;
      gap: var(--_space);
      min-height: 24px;
      cursor: pointer;
    }

    .check input {
      accent-color: var(--_accent);
      margin: 0;
    }

    /* The table */
    /* Positioned, so the visually hidden texts of the cells (absolute) scroll and clip with it instead
       of widening the page. */
    .table-wrap {
      position: relative;
      overflow-x: auto;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }

    /* Fixed column widths (the header's), so the columns stay put when other rows come: the dates, groups
       and actions get what their longest text needs on one line, the person and the email share the rest.
       Between 640 px and the table's minimum width it scrolls sideways; below, it is a list (see the end). */
    table {
      width: 100%;
      min-width: 68rem;
      table-layout: fixed;
      border-collapse: collapse;
    }

    th:nth-child(3) {
      width: 15rem;
    }

    th:nth-child(4) {
      width: 12rem;
    }

    th:nth-child(5) {
      width: 8rem;
    }

    th:nth-child(6) {
      width: 7.5rem;
    }

    /* The table is not in the Tab order; script focuses it when a change left no row to put focus in.
       The ring is drawn inside, where the scroll box cannot clip it. */
    table:focus-visible {
      outline-offset: -2px;
    }

    table:focus:not(:focus-visible) {
      outline: none;
    }

    th,
    td {
      padding: var(--_space);
      overflow: hidden;
      text-overflow: ellipsis;
      text-align: start;
      vertical-align: middle;
      border-bottom: 1px solid var(--_border);
    }

    tbody tr:last-child td {
      border-bottom: none;
    }

    th {
      font-weight: 600;
      white-space: nowrap;
      background: var(--_surface-raised);
    }

    /* The sort buttons and the names (links to the person's page) are buttons without a button's box. */
    .sort,
    .name {
      display: inline-flex;
      align-items: center;
      gap: calc(var(--_space) / 2);
      padding: 2px 4px;
      margin: -2px -4px;
      border: none;
      border-radius: var(--_radius);
      background: none;
      font-weight: inherit;
      cursor: pointer;
    }

    .name {
      overflow: hidden;
      text-overflow: ellipsis;
      color: var(--_accent);
      font-weight: 600;
      text-decoration: underline transparent;
    }

    .name:hover {
      text-decoration-color: currentColor;
    }

    .sort-icon {
      color: var(--_text-muted);
    }

    th[aria-sort] .sort-icon {
      color: var(--_accent);
    }

    .user {
      display: flex;
      align-items: center;
      gap: calc(var(--_space) * 1.5);
    }

    .avatar {
      position: relative;
      display: inline-grid;
      place-items: center;
      flex: none;
      width: 2rem;
      height: 2rem;
      overflow: hidden;
      border-radius: 50%;
      background: var(--_skeleton);
      color: var(--_text);
      font-size: 0.75rem;
      font-weight: 600;
    }

    .avatar img {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      object-fit: cover;
    }

    /* Names and sign-in times stay on one line (a name too long is cut with an ellipsis); an email too long
       for its column breaks after its @ (else anywhere) rather than being cut. */
    .name,
    .sign-in {
      white-space: nowrap;
    }

    .email {
      overflow-wrap: anywhere;
    }

    .muted,
    .date {
      color: var(--_text-muted);
    }

    .date {
      display: block;
      font-size: 0.8125rem;
    }

    .badge {
      display: inline-block;
      color: var(--_text-muted);
    }

    .state-active {
      color: var(--_success);
    }

    /* Still open, nothing to do yet: the accent. Expired needs a new invitation: the warning colour, and a
       dashed outline, so the two differ in shape too (and always in words). */
    .state-invited {
      color: var(--_accent);
    }

    .state-expired {
      color: var(--_warning);
      border-style: dashed;
    }

    .state-blocked {
      color: var(--_danger);
    }

    .group-count {
      border-bottom: 1px dotted currentColor;
      cursor: help;
    }

    /* Clicks go through it to what it covers. */
    .tooltip {
      position: fixed;
      z-index: 3;
      pointer-events: none;
      max-width: 20rem;
      padding: calc(var(--_space) / 2) var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_text);
      color: var(--_surface);
      font: inherit;
      font-size: 0.8125rem;
    }

    .actions-header,
    .actions {
      text-align: end;
    }

    .self-note {
      display: block;
      font-size: 0.75rem;
    }

    .empty {
      padding: calc(var(--_space) * 4);
      text-align: center;
    }

    .empty strong,
    .empty span {
      display: block;
    }

    .empty span {
      color: var(--_text-muted);
    }

    /* Loading placeholders */
    .bar {
      display: inline-block;
      width: 6rem;
    }

    .bar.wide {
      width: 9rem;
    }

    .bar.short {
      width: 3rem;
    }

    .skeleton .avatar {
      animation: pulse 1.2s ease-in-out infinite;
    }

    /* Footer */
    .footer {
      justify-content: space-between;
    }

    .range {
      margin: 0;
      color: var(--_text-muted);
      font-variant-numeric: tabular-nums;
    }

    .pager {
      display: flex;
      gap: var(--_space);
    }

    .message {
      margin: 0;
      padding: calc(var(--_space) * 2);
    }

    .message p {
      margin: 0 0 var(--_space);
    }

    .message p:last-child {
      margin: 0;
    }

    /* Not being allowed to see the list is no failure: a neutral note, marked by the accent. */
    .info {
      border-inline-start: 4px solid var(--_accent);
    }

    /* Narrower than 40rem (640 px): the same grid (its rows, cells and keys) laid out as a list of people.
       The sort buttons wrap in one line; each person is a card, their name above their email, state and
       groups, the actions button on the right; the last sign-in is left out. The headers without a button
       stay for screen readers only. */
    @container (width < 40rem) {
      table,
      tbody,
      td {
        display: block;
        min-width: 0;
      }

      thead tr {
        display: flex;
        flex-wrap: wrap;
        background: var(--_surface-raised);
      }

      th:nth-child(n) {
        width: auto;
      }

      th:nth-child(n + 5) {
        position: absolute;
        width: 1px;
        clip-path: inset(50%);
      }

      tbody tr {
        display: grid;
        grid-template-columns: minmax(0, 1fr) fit-content(8rem);
        padding-block: var(--_space);
        border-bottom: 1px solid var(--_border);
      }

      th,
      td {
        border: 0;
      }

      td {
        padding-block: 0;
      }

      td + td:not(.actions) {
        padding-inline-start: 3.25rem;
      }

      .sign-in {
        display: none;
      }

      .actions {
        grid-area: 1 / 2 / 5;
      }
    }
  `,
];
