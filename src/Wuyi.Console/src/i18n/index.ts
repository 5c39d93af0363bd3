import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('wuyi.locale') : null
export const i18n = createI18n({ legacy: false, locale: saved === 'en' ? 'en' : 'zh-CN', fallbackLocale: 'zh-CN', messages: { 'zh-CN': zhCN, en } })

export function setLocale(locale: string) {
  i18n.global.locale.value = locale === 'en' ? 'en' : 'zh-CN'
  localStorage.setItem('wuyi.locale', i18n.global.locale.value)
  document.documentElement.lang = i18n.global.locale.value
}
