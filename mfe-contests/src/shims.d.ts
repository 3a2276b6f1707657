// The shared context comes from the import map at run time; its types come from the shell's package.
declare module '@vwu/context' {
  export * from '@vwu/shell/context';
}

// All of this module's CSS as one string (shell/build/mfe-css.ts), mounted and removed with the module.
declare module 'virtual:vwu-mfe-css' {
  const css: string;
  export default css;
}
