// The data our unified plugins read from a VFile.
declare module 'vfile' {
  interface DataMap {
    /** The original article's URL, against which relative URLs resolve. */
    baseUrl: string | undefined;
  }
}
export {};
