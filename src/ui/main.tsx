import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { firstLocale, localeStore } from './store/localeStore';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const render = () =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
// English is built in and shows at once; another language is loaded before the first screen,
// so nobody sees the page change language under them. If it cannot load, English it is.
const locale = firstLocale();
if (locale === 'en') render();
else localeStore.getState().choose(locale).then(render, render);
