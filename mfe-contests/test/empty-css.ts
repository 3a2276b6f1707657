// Stands in for `virtual:vwu-mfe-css` in unit tests (the build fills it with the module's CSS).
export default '';
