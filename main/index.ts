import { runElectronApp } from './app';

runElectronApp();
