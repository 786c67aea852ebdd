import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The Rijkshuisstijl Community React bundle injects its whole stylesheet (350 KB) into a <style>
 * element when it loads. Our page's Content-Security-Policy refuses inline styles, and the same
 * stylesheet is already part of our CSS bundle (renderer/main.tsx imports it as a file), so the
 * injection is taken out at build time. A release that no longer injects, or injects another way,
 * stops the build here instead of passing unnoticed.
 */
function withoutStyleInjection(): Plugin {
  const bundle = '@rijkshuisstijl-community/components-react/dist/index.esm.js';
  return {
    name: 'tb-register:rhc-without-style-injection',
    enforce: 'pre',
    transform(code, id) {
      if (!id.replaceAll('\\', '/').endsWith(bundle)) return null;
      const call = /\bstyleInject\(css_248z\);/;
      if (!call.test(code)) throw new Error(`${bundle}: no styleInject(css_248z) call to take out; check how this version loads its CSS`);
      // One 660 KB module: its top-level JSX (icon sets, flags) and components are made with calls
      // the bundler must assume have effects, so it kept all of them. They have none; marked pure,
      // what the workspace does not use is left out.
      const pure = code.replace(call, '').replace(/(?<![\w$.])(jsxs?|forwardRef|createContext|createElement)\(/g, '/*#__PURE__*/$1(');
      return { code: pure, map: null };
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [withoutStyleInjection(), react()],
  // A desktop app loads its bundle from disk, so one ~1 MB chunk (Recharts is most of it) is fine.
  build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 1600 },
});
