import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from './i18n/i18n';
import { ProjectProvider } from './app/project-context';
import { NoticeProvider } from './app/notice';
import { App } from './app/App';
import 'ag-grid-community/styles/ag-grid.css';
import 'ag-grid-community/styles/ag-theme-quartz.css';
import './styles/app.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <NoticeProvider>
          <ProjectProvider>
            <App />
          </ProjectProvider>
        </NoticeProvider>
      </I18nProvider>
    </StrictMode>,
  );
}
