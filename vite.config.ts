import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { messagesPlugin } from './scripts/messages.ts';

/**
 * Source maps only when asked (`SOURCEMAP=1 npm run build`): a production build ships without
 * them, so a visitor's browser never fetches them and the server has none to serve.
 */
const sourcemap = ['1', 'true', 'yes'].includes((process.env.SOURCEMAP ?? '').toLowerCase());

export default defineConfig({
  plugins: [messagesPlugin(), react()],
  build: {
    outDir: 'dist',
    sourcemap,
    reportCompressedSize: true,
  },
  server: { port: 3000 },
});
