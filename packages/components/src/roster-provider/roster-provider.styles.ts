import { css } from 'lit';

export const rosterProviderStyles = css`
  /* The provider only passes configuration down; it should not create a layout box. */
  :host {
    display: contents;
  }
`;
