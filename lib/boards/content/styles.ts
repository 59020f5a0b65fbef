/** Styles inside our shadow roots. The board's theme (not the system's) picks light or dark. */
export const baseCss = `
  :host { all: initial; --bg: #fff; --fg: #172b4d; --muted: #5e6c84; --line: #dfe1e6; --accent: #0b6e4f; --on-accent: #fff;
    --warn-bg: #fff4e5; --warn: #8a4b00; --ok: #1f7a52; --info: #0c5fcf; --danger: #b42b22; --on-danger: #fff;
    font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: var(--fg); }
  :host([data-theme="dark"]) { --bg: #22272b; --fg: #dee4ea; --muted: #9fadbc; --line: #3b444c; --accent: #4bce97; --on-accent: #10231b;
    --warn-bg: #3d2a10; --warn: #f5b76c; --ok: #4bce97; --info: #85b8ff; --danger: #fd9891; --on-danger: #2a0e0b; }
  button { font: inherit; color: inherit; background: transparent; border: 1px solid var(--line); border-radius: 6px; padding: 3px 8px; cursor: pointer; }
  button.primary { background: var(--accent); color: var(--on-accent); border-color: var(--accent); }
  button:focus-visible, input:focus-visible, select:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
  input, select { font: inherit; color: inherit; background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 4px 6px; width: 100%; box-sizing: border-box; }
  [hidden] { display: none !important; }
  .muted { color: var(--muted); }
  .pill { display: inline-block; border-radius: 10px; padding: 0 7px; font-size: 11px; border: 1px solid var(--line); white-space: nowrap; }
  .pill[data-state="delivered"], .pill[data-state="accepted"] { border-color: var(--ok); color: var(--ok); }
  .pill[data-state="invoiced"], .pill[data-state="partially-paid"] { border-color: var(--info); color: var(--info); }
  .pill[data-state="paid"] { background: var(--accent); color: var(--on-accent); border-color: var(--accent); }
  .pill[data-state="overdue"] { background: var(--danger); color: var(--on-danger); border-color: var(--danger); }
  .warn { background: var(--warn-bg); color: var(--warn); border-radius: 6px; padding: 6px 8px; margin: 6px 0; }
`;

export const panelCss = `${baseCss}
  .panel { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; width: 320px; max-height: 60vh; overflow: auto;
    background: var(--bg); border: 1px solid var(--line); border-radius: 10px; box-shadow: 0 8px 24px rgb(0 0 0 / 25%); padding: 10px 12px; }
  .folded { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; background: var(--accent); color: var(--on-accent); border: 0;
    border-radius: 16px; padding: 6px 12px; box-shadow: 0 2px 8px rgb(0 0 0 / 25%); }
  header { display: flex; justify-content: space-between; align-items: center; gap: 8px; margin-bottom: 6px; }
  h2 { font-size: 14px; margin: 0; }
  ul { list-style: none; margin: 0; padding: 0; }
  li.milestone { border-top: 1px solid var(--line); padding: 6px 0; }
  .row { display: flex; justify-content: space-between; gap: 8px; align-items: baseline; }
  .cards { margin: 2px 0 0 10px; font-size: 12px; }
  button.invoice { margin-top: 4px; font-size: 12px; }
  .totals { display: flex; justify-content: space-between; gap: 6px; border-top: 1px solid var(--line); padding-top: 6px; font-size: 12px; }
  form { display: grid; gap: 6px; }
  label { display: grid; gap: 2px; font-size: 12px; }
  details { margin-top: 6px; font-size: 12px; }
  .error { color: var(--danger); }
`;

export const badgeCss = `${baseCss}
  .badge { display: inline-flex; flex-wrap: wrap; gap: 4px; align-items: center; margin: 2px 4px 2px 0; padding: 0 6px; border-radius: 4px;
    background: var(--bg); border: 1px solid var(--line); font-size: 11px; line-height: 18px; max-width: 100%; }
  .badge .name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .badge button { font-size: 11px; padding: 0 6px; line-height: 16px; white-space: nowrap; }
`;

export const pickerCss = `${baseCss}
  .control { font-size: 11px; line-height: 16px; padding: 0 6px; margin: 2px 0; background: var(--bg); white-space: nowrap; }
  .picker { position: fixed; z-index: 2147483002; width: 260px; background: var(--bg); border: 1px solid var(--line); border-radius: 8px;
    box-shadow: 0 8px 24px rgb(0 0 0 / 30%); padding: 8px; display: grid; gap: 4px; }
  .picker p { margin: 0 0 4px; }
  .picker button { text-align: left; display: flex; justify-content: space-between; gap: 8px; }
  .picker button[aria-checked="true"] { border-color: var(--accent); font-weight: 600; }
  .inline { display: flex; gap: 8px; align-items: center; margin: 8px 0; padding: 6px 8px; border: 1px solid var(--line); border-radius: 6px; }
`;
