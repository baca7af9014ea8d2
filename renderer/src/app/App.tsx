import { FluentProvider, Spinner, Toaster, webLightTheme } from '@fluentui/react-components';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { createHashRouter, createRoutesFromElements, Navigate, Route, RouterProvider } from 'react-router';
import { ErrorBoundary } from '../components/ErrorBoundary.js';
import { toasterId, toasterPosition, toastLimit } from '../components/useNotify.js';
import { CoordinatorNameDialog } from './CoordinatorNameDialog.js';
import { Layout } from './Layout.js';
import { pageLoaders, routes, startPath } from './routes.js';

// long enough for the first screen's requests and render to finish on a slow office PC
const prefetchDelayMs = 2000;

/**
 * Fetches the lazily loaded pages one by one while the browser is idle, after the first screen had its turn, so a
 * click in the navigation later does not wait for a script. A failed fetch is left to the page's own load.
 */
function usePrefetchPages() {
  useEffect(() => {
    let cancelled = false;
    const next = (i: number) => {
      if (cancelled || i >= pageLoaders.length) return;
      requestIdleCallback(() => {
        if (cancelled) return;
        pageLoaders[i]!().catch(() => undefined).finally(() => next(i + 1));
      });
    };
    const timer = setTimeout(() => next(0), prefetchDelayMs);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, []);
}

function PageLoading() {
  const { t } = useTranslation();
  return <Spinner label={t('states.loading')} />;
}

/**
 * A data router (not a plain HashRouter): only it can hold a page back while a form there has unsaved changes
 * (useBlocker in the form helper).
 */
const router = createHashRouter(
  createRoutesFromElements(
    <Route element={<Layout />}>
      {routes.map((r) => (
        <Route
          key={r.path}
          path={`${r.path}/*`}
          element={
            <ErrorBoundary key={r.path}>
              <Suspense fallback={<PageLoading />}>{r.element}</Suspense>
            </ErrorBoundary>
          }
        />
      ))}
      <Route path="*" element={<Navigate to={startPath} replace />} />
    </Route>,
  ),
);

export function App() {
  usePrefetchPages();
  return (
    <FluentProvider theme={webLightTheme} style={{ height: '100vh' }}>
      <Toaster toasterId={toasterId} position={toasterPosition} limit={toastLimit} />
      <RouterProvider router={router} />
      {/* beside the router, not in the Layout: inside the data router it made the whole frame mount twice at start (every first request sent twice, the first Übersicht 1 s later) */}
      <CoordinatorNameDialog />
    </FluentProvider>
  );
}
