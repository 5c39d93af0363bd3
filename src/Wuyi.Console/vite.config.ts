import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { precompress } from './build/precompress'

// Element Plus components and their styles are imported where used, so each route's chunk carries only its own;
// bpmn-js, form-js and ECharts are reached only through dynamic imports (route-level code splitting).
// The chunk groups give the libraries stable names (the first-load test looks for them) and keep Vue, the router and
// vue-i18n in a vendor chunk of their own, so a new build of the pages leaves the browser's copy of it valid.
export default defineConfig({
  plugins: [vue(), Components({ resolvers: [ElementPlusResolver()], dts: false }), precompress()],
  // Compile-time switches that drop what the console never uses: vue-i18n's legacy API and its global components
  // (every page calls useI18n), and the devtools hooks of production builds.
  define: {
    __VUE_I18N_LEGACY_API__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_OPTIONS_API__: 'false',
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true, // dist/.vite/manifest.json: which chunks each page imports (npm run sizes reads it)
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 3 },
            { name: 'bpmn', test: /node_modules[\\/](bpmn-js|diagram-js|diagram-js-direct-editing|bpmn-moddle|moddle|moddle-xml|saxen|tiny-svg|path-intersection|object-refs|hammerjs)[\\/]/, priority: 3 },
            { name: 'formjs', test: /node_modules[\\/](@bpmn-io[\\/]form-js[^\\/]*|preact|big\.js|flatpickr|feelers|feelin|@bpmn-io[\\/]feel-lint|lezer-feel|@lezer|marked|dompurify)[\\/]/, priority: 3 },
            { name: 'vue', test: /node_modules[\\/](@vue|vue|vue-router|vue-i18n|@intlify)[\\/]/, priority: 2 },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:5000' } },
  test: { environment: 'happy-dom', include: ['src/**/*.test.ts'] },
})
