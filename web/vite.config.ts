import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Run from the repo root with --config web/vite.config.ts (npm start, npm test); the root is this folder.
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    // `npm run dev:web` serves the app with hot reload and sends API calls to a running server.
    proxy: { '/api': process.env.API_URL ?? 'http://localhost:3000' },
  },
});
