import { render } from 'solid-js/web'
import { App } from './app.tsx'
import { language, setLanguage } from './i18n/locale.ts'
import './styles/app.css'

setLanguage(language())

const root = document.getElementById('root')
if (!root) throw new Error('#root is missing from index.html')
render(() => <App />, root)
