import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * `@fazhi/contracts` is resolved through the npm-workspace symlink (node_modules/@fazhi/contracts →
 * packages/contracts). Vite follows the symlink to its real path outside node_modules, so the package's
 * TypeScript source is compiled like our own source (and is excluded from dependency pre-bundling).
 */
export default defineConfig({
  root,
  plugins: [react()],
  resolve: { preserveSymlinks: false },
  optimizeDeps: { exclude: ['@fazhi/contracts'] },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Every page is its own lazy chunk; the entry (~550 kB, ~185 kB gzip) is antd's core that the shell
    // itself needs (cssinjs + theme, ConfigProvider, App message/notification/modal, Layout, Menu, Dropdown).
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(react|react-dom|scheduler|react-router)\//.test(id)) return 'vendor-react';
          if (/node_modules\/@tanstack\//.test(id)) return 'vendor-query';
          if (/node_modules\/zod\//.test(id)) return 'vendor-zod';
          if (/node_modules\/(dayjs)\//.test(id)) return 'vendor-dayjs';
          return undefined;
        },
      },
    },
  },
});
