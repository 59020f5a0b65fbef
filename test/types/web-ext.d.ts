/** The part of web-ext's programmatic API the Firefox test uses (the package ships no types). */
declare module 'web-ext' {
  export const cmd: {
    lint(params: { sourceDir: string; output: 'none' | 'json' | 'text'; selfHosted: boolean }, options: { shouldExitProgram: boolean }): Promise<unknown>;
    run(
      params: { sourceDir: string; firefox: string; noInput: boolean; noReload: boolean; args: string[]; target: string[] },
      options: { shouldExitProgram: boolean },
    ): Promise<{ exit(): Promise<void> }>;
  };
}
