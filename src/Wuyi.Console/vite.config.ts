import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// Element Plus components and their styles are imported where used, so each route's chunk carries only its own;
// bpmn-js, form-js and ECharts are reached only through dynamic imports (route-level code splitting).
export default defineConfig({
  plugins: [vue(), Components({ resolvers: [ElementPlusResolver()], dts: false })],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500, reportCompressedSize: false },
  server: { proxy: { '/api': 'http://localhost:5000' } },
  test: { environment: 'happy-dom', include: ['src/**/*.test.ts'] },
})
