/**
 * Full-page navigations, behind an object so tests can spy on them (jsdom cannot navigate, and
 * `window.location` itself cannot be mocked).
 */
export const browserLocation = {
  assign(path: string): void {
    window.location.assign(path);
  },
  replace(path: string): void {
    window.location.replace(path);
  },
};
