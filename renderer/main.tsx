import './styles.css';
import { earlyStartup } from './bridge/startup';

// the host's answers (the sample report above all) travel while the app's script loads and runs
earlyStartup();
void import('./app-root');
