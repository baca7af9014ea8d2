import { FluentProvider, Toaster, webLightTheme } from '@fluentui/react-components';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { ErrorBoundary } from '../components/ErrorBoundary.js';
import { toasterId } from '../components/useNotify.js';
import { Layout } from './Layout.js';
import { routes } from './routes.js';

export function App() {
  return (
    <FluentProvider theme={webLightTheme} style={{ height: '100vh' }}>
      <Toaster toasterId={toasterId} position="top-end" />
      <HashRouter>
        <Routes>
          <Route element={<Layout />}>
            {routes.map((r) => (
              <Route key={r.path} path={`${r.path}/*`} element={<ErrorBoundary key={r.path}>{r.element}</ErrorBoundary>} />
            ))}
            <Route path="*" element={<Navigate to="/programme" replace />} />
          </Route>
        </Routes>
      </HashRouter>
    </FluentProvider>
  );
}
