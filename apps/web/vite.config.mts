import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const libs = ['events', 'playbook', 'scoring', 'intent', 'sla', 'routing', 'api-contracts'];
// The web app talks to the API through this proxy, so the browser sees one origin.
const apiUrl = process.env.SEGFLOW_API_URL ?? 'http://127.0.0.1:3000';
const proxy = { '/api': { target: apiUrl, changeOrigin: false } };

export default defineConfig({
  root: here,
  plugins: [react()],
  resolve: {
    alias: Object.fromEntries(libs.map((lib) => [`@segflow/${lib}`, resolve(here, `../../libs/${lib}/src/index.ts`)])),
  },
  server: { proxy },
  preview: { proxy },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
