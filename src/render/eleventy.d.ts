// Eleventy 3 documents its API in JSDoc only; these are the parts we use.
declare module '@11ty/eleventy' {
  export interface UserConfig {
    addGlobalData(name: string, value: unknown): void;
    addPassthroughCopy(paths: string | Record<string, string>): void;
    addExtension(
      extensions: string | string[],
      options: { key: string } | { compile(text: string, inputPath: string): (data: object) => string | Promise<string> },
    ): void;
    /** A function that JavaScript templates (`.11ty.js`) call as `this.<name>(...)`. */
    addJavaScriptFunction(name: string, callback: (...args: never[]) => unknown): void;
    addWatchTarget(target: string, options?: { resetConfig?: boolean }): void;
    setServerOptions(options: Record<string, unknown>): void;
    setQuietMode(quiet: boolean): void;
    setUseGitIgnore(use: boolean): void;
    /** The folders of this run: `input` holds the templates. */
    directories: { input: string };
    /** Globs of files not read as templates. */
    ignores: Set<string>;
    setTemplateFormats(formats: string | string[]): void;
    on(event: 'eleventy.after' | 'eleventy.before', callback: (details: unknown) => unknown): void;
  }
  export interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    runMode?: 'build' | 'serve' | 'watch';
    config?: (config: UserConfig) => void | Promise<void>;
  }
  export interface WrittenPage {
    url: string | false;
    outputPath: string | false;
    inputPath: string;
  }
  export class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    /** The copied files, then the pages written. */
    write(): Promise<[unknown[], WrittenPage[]]>;
    toJSON(): Promise<(WrittenPage & { content: string })[]>;
    disableLogger(): void;
    init(): Promise<void>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    stopWatch(): Promise<void>;
  }
  export default Eleventy;
}

// The dev server that Eleventy uses, used on its own by `serve`.
declare module '@11ty/eleventy-dev-server' {
  interface DevServerOptions {
    port?: number;
    showVersion?: boolean;
    domDiff?: boolean;
    logger?: { log(message: string): void; info(message: string): void; warn(message: string): void; error(message: string): void };
  }
  export default class EleventyDevServer {
    static getServer(name: string, dir: string, options?: DevServerOptions): EleventyDevServer;
    serve(port: number): void;
    ready(): Promise<void>;
    /** Where it listens, once ready: `http://localhost:8080/`. */
    getServerUrl(host: string, pathname?: string): string;
    reload(event: { files?: string[] }): void;
    close(): Promise<void>;
  }
}
