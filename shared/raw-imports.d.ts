/** Vite's `?raw` imports (used by tests to read oracle text files without Node's fs). */
declare module '*?raw' {
  const text: string;
  export default text;
}
