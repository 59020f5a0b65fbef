import 'fake-indexeddb/auto';
import { useLanguage } from './i18n/browser-i18n';

useLanguage('en');
