import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  // A desktop app loads its bundle from disk, so one ~1 MB chunk (Recharts is most of it) is fine.
  build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 1600 },
});
