// The browser's own chrome (the address bar, the task switcher) in the colour of the
// page's header, the `--surface` token of app/globals.css in each scheme.
export const THEME_COLORS = { light: "#ffffff", dark: "#1a1e24" } as const;
