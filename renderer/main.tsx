// The NL Design System look: the Rijkshuisstijl Community design tokens, its components' CSS, then
// our own layout on top (in that order, so ours wins where both speak).
import '@rijkshuisstijl-community/design-tokens/dist/index.css';
import '@rijkshuisstijl-community/components-css/dist/index.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { presentedMeeting } from './client';
import { PresentationView } from './meeting-mode/PresentationView';

// The page is the workspace, or (opened with #present=…) the presentation view of a meeting.
const presented = presentedMeeting();
createRoot(document.getElementById('root')!).render(<StrictMode>{presented ? <PresentationView number={presented} /> : <App />}</StrictMode>);
