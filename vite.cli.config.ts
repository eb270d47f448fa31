import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { aliases } from './vite.shared.ts';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/** The line of docx's own bundle that zips a document's parts with fflate's deflate. */
const DOCX_ZIP_LINE =
  'var zipFiles = (files) => zipSync(Object.fromEntries([...files].map(([path, data]) => [path, bytesOf$2(data)])));';

/**
 * docx zips a document's parts with fflate, plain JavaScript that V8 runs cold in a fresh process:
 * in a command-line call that is a fifth of the time a .docx takes. In this bundle the same parts go
 * to main/export/zip.ts (Node's zlib) instead, with the same order and the same bytes inside. A
 * docx release without that line fails the build here rather than quietly losing the change.
 */
function docxNativeZip(): Plugin {
  return {
    name: 'briefing-docx-native-zip',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]docx[\\/]dist[\\/]index\.mjs$/.test(id)) return null;
      if (!code.includes(DOCX_ZIP_LINE))
        this.error('docx no longer zips with the line vite.cli.config.ts replaces: look at its zipFiles');
      const zip = JSON.stringify(here('./main/export/zip.ts'));
      return `import { zipParts as __briefingZipParts } from ${zip};\n${code.replace(
        DOCX_ZIP_LINE,
        'var zipFiles = (files) => __briefingZipParts([...files].map(([path, data]) => ({ path, data: bytesOf$2(data) })));',
      )}`;
    },
  };
}

/**
 * The command line as one bundle (out/cli), built beside the app by scripts/ensure-build.mjs.
 * Its libraries (docx, pptxgenjs, zod, fflate, mammoth) are inside it, so a call resolves nothing
 * in node_modules; each importer and writer is a chunk of its own, loaded by the call that needs
 * it. playwright-core (printing PDFs) and pdf.js (reading them) stay outside: they find files of
 * their own at run time (a browser, the CMaps).
 *
 * CommonJS rather than ES modules: bin/compile-cache.cjs keeps V8's compiled code for these files
 * between calls, which Node offers for CommonJS on every supported version (20.19 on), and for
 * ES modules only from 22.1.
 */
export default defineConfig({
  resolve: { alias: aliases },
  plugins: [docxNativeZip()],
  ssr: { noExternal: true, target: 'node' },
  // pdf.js's CMaps are found beside its package, as the unbundled code finds them
  define: { 'import.meta.resolve': '__briefingResolve' },
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    // a third of the size to read at each call (the cache holds the compiled code, not the text);
    // a user never sees a stack trace, so nothing is lost
    minify: true,
    rollupOptions: {
      input: {
        briefing: here('./main/cli.ts'),
        // the threads batch conversion runs its reports in
        'task-worker': here('./main/task-worker.ts'),
      },
      external: [/^playwright-core(\/|$)/, /^pdfjs-dist(\/|$)/, /^node:/],
      output: {
        format: 'cjs',
        // import() of an outside package becomes require(): code compiled through the cache
        // cannot import() (Node allows that only behind a flag)
        dynamicImportInCjs: false,
        // every chunk is a module of its own, so each may carry it
        banner:
          "const __briefingResolve = (s) => require('node:url').pathToFileURL(require.resolve(s)).href;",
        entryFileNames: '[name].cjs',
        chunkFileNames: 'chunks/[name]-[hash].cjs',
      },
    },
  },
});
