// ECharts for the dashboard: the core with only the charts and parts it draws (bars, a line, grid, legend, tooltip on
// a canvas) instead of the full build, which would be three times the download.
import { init, use } from 'echarts/core'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

export { init }
