import { css } from 'lit';
import { themeAttribute } from '../internal/tokens.ts';

export const rosterProviderStyles = [
  // Its `theme` reaches every Roster element inside it (they inherit `--roster-color-scheme`).
  themeAttribute,
  css`
    /* The provider only passes configuration down; it should not create a layout box. */
    :host {
      display: contents;
    }
  `,
];
