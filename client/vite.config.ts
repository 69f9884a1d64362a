import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const SRC_DIR = fileURLToPath(new URL('./src', import.meta.url));
const REACT_MODULES = /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/;
const VENDOR_MODULES =
  /[\\/]node_modules[\\/](react-router|cookie|set-cookie-parser|@tanstack|i18next|react-i18next|use-sync-external-store)[\\/]/;
const LEAFLET_MODULES = /[\\/]node_modules[\\/](leaflet|react-leaflet|@react-leaflet)[\\/]/;
const CONTRACT_MODULES = /[\\/](node_modules[\\/]zod|shared[\\/]src)[\\/]/;
const API_TARGET = process.env.GRIDGOV_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: { alias: { '@': SRC_DIR } },
  server: {
    port: 5173,
    proxy: { '/api': { target: API_TARGET, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // The initial route stays well under this; Leaflet (~150 kB raw) is a lazy chunk of its own.
    chunkSizeWarningLimit: 300,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Framework code changes far less often than ours: in its own chunks it stays cached across deploys.
            { name: 'react', test: REACT_MODULES },
            { name: 'vendor', test: VENDOR_MODULES },
            // Shared by the map page, the report form's picker and the case page's map; only they load it.
            { name: 'leaflet', test: LEAFLET_MODULES },
            // zod and the shared schemas, needed only by the lazy pages.
            { name: 'contract', test: CONTRACT_MODULES },
          ],
        },
      },
      treeshake: {
        // @gridgov/shared is pure schemas and functions, but without a `sideEffects` flag the bundler keeps
        // every module it re-exports — including polygon-clipping, which only the server uses.
        moduleSideEffects: [
          { test: /[\\/]shared[\\/]src[\\/]/, sideEffects: false },
          { test: /[\\/]node_modules[\\/]polygon-clipping[\\/]/, sideEffects: false },
        ],
      },
    },
  },
});
