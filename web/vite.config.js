// One classic script (IIFE) and one stylesheet: a site opened from disk (file://) cannot load
// ES modules, and the generated site must need no network.
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    copyPublicDir: true,
    reportCompressedSize: false,
    lib: {
      entry: 'src/main.js',
      name: 'fhebench',
      formats: ['iife'],
      fileName: () => 'app.js',
      cssFileName: 'app',
    },
  },
});
