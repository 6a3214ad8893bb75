import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from './i18n/i18n';
import { ProjectProvider } from './state/project-context';
import { NoticeProvider } from './state/notice';
import { App } from './shell/App';
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
