import log from 'electron-log/main';

/**
 * The app's log, kept for support in the user data folder (electron-log's default:
 * %APPDATA%/Qiancheng Planner/logs on Windows, ~/Library/Logs/Qiancheng Planner on macOS,
 * ~/.config/Qiancheng Planner/logs on Linux). Uncaught errors in main are logged, not shown as raw dialogs.
 */
export function initLog(): typeof log {
  log.initialize();
  log.transports.file.level = 'info';
  log.transports.file.maxSize = 5 * 1024 * 1024;
  log.errorHandler.startCatching({ showDialog: false });
  return log;
}
