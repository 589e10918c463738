import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { toAppError } from './api/errors'
import { currentLocale, i18n } from './i18n'
import { router } from './router'
import { useToastStore } from './stores/toasts'
import './styles/main.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia).use(i18n).use(router)

// Anything thrown and not handled where it happened ends up as a toast in the UI language.
app.config.errorHandler = (err, _instance, info) => {
  console.error(`[${info}]`, err)
  useToastStore(pinia).error(toAppError(err))
}
window.addEventListener('unhandledrejection', (ev) => {
  console.error('[unhandledrejection]', ev.reason)
  useToastStore(pinia).error(toAppError(ev.reason))
})

document.documentElement.lang = currentLocale()
app.mount('#app')
