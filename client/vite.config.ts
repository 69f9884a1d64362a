import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { API_CACHE, PHOTO_CACHE } from './src/lib/offline-caches';

const SRC_DIR = fileURLToPath(new URL('./src', import.meta.url));
const REACT_MODULES = /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/;
const VENDOR_MODULES =
  /[\\/]node_modules[\\/](react-router|cookie|set-cookie-parser|@tanstack|i18next|react-i18next|use-sync-external-store)[\\/]/;
const LEAFLET_MODULES = /[\\/]node_modules[\\/](leaflet|react-leaflet|@react-leaflet)[\\/]/;
const CONTRACT_MODULES = /[\\/](node_modules[\\/]zod|shared[\\/]src)[\\/]/;
const API_TARGET = process.env.GRIDGOV_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [
    react(),
    // The field app installs and opens with no signal (issue 14): the app shell is precached by a
    // Workbox service worker; API reads fall back to their last answer when the network is gone.
    VitePWA({
      registerType: 'prompt',
      // Registered from src/lib/pwa.ts after the first render, so it costs the first load nothing.
      injectRegister: false,
      includeAssets: ['icons/apple-touch-icon.png'],
      manifest: {
        name: '网格化社会治理平台',
        short_name: '网格通',
        description: '石角镇网格化社会治理：事件上报、处置、核查，离线也能打开',
        lang: 'zh-CN',
        start_url: '/tasks',
        scope: '/',
        display: 'standalone',
        theme_color: '#1f3a5f',
        background_color: '#f3f5f8',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,woff2}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          {
            // Reads the pages need (who I am, categories, grids, my work, cases I opened): the network
            // first, the last answer when there is none. Never the event stream, never a write.
            urlPattern: ({ url, request }) =>
              request.method === 'GET' &&
              url.pathname.startsWith('/api/') &&
              !url.pathname.startsWith('/api/events') &&
              !url.pathname.startsWith('/api/uploads/') &&
              !url.pathname.includes('/export') &&
              !url.pathname.endsWith('.xlsx'),
            handler: 'NetworkFirst',
            options: {
              cacheName: API_CACHE,
              networkTimeoutSeconds: 8,
              expiration: { maxEntries: 300, maxAgeSeconds: 7 * 24 * 3600 },
              cacheableResponse: { statuses: [200] },
            },
          },
          {
            urlPattern: ({ url, request }) =>
              request.method === 'GET' && url.pathname.startsWith('/api/uploads/'),
            handler: 'CacheFirst',
            options: {
              cacheName: PHOTO_CACHE,
              expiration: { maxEntries: 400, maxAgeSeconds: 30 * 24 * 3600 },
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
      },
    }),
  ],
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
