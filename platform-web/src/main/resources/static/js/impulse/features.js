/*
 * Feature generation for the saved impulse: the status of its feature set, the job that computes it (started here
 * or already running) with its live log and progress, and cancelling it.
 */
import { api, appendLine, byId, clear, followJob, formatDate, problemTitle, showAlert, showAttempts } from '../ui.js';

function setStatus(text) {
  byId('feature-status').textContent = text;
}

function statusText(status) {
  const set = status.featureSet;
  let text = set ? 'Version ' + status.impulseVersion + ': ' + set.windows + ' windows of ' + set.featureLength
    + ' features from ' + set.samples + ' samples (' + set.computed + ' computed, ' + set.reused
    + ' reused), generated ' + formatDate(set.generatedAt) + '.'
    : 'No features for version ' + status.impulseVersion + ' yet.';
  if (status.job && status.job.state === 'failed') {
    text += ' The last run failed: ' + (status.job.error || 'unknown error');
  } else if (status.job && status.job.state === 'cancelled') {
    text += ' The last run was cancelled.';
  }
  return text;
}

export class FeatureGeneration {
  /** versions: the ImpulseVersions (which version is saved); explorer: the FeatureExplorer. */
  constructor({ base, editable, versions, explorer }) {
    this.base = base;
    this.editable = editable;
    this.versions = versions;
    this.explorer = explorer;
    // the job followed: {jobId, close()}
    this.follower = null;
  }

  loadStatus() {
    const version = this.versions.latest;
    if (version === 0) {
      setStatus('Save the impulse to generate its features.');
      byId('generate-features').disabled = true;
      return;
    }
    byId('generate-features').disabled = !this.editable;
    api('GET', this.base + '/features?impulseVersion=' + version).then((status) => {
      setStatus(statusText(status));
      if (status.job && (status.job.state === 'queued' || status.job.state === 'running')) {
        this.follow(status.job.id);
      }
      if (status.featureSet) {
        this.explorer.load(status.impulseVersion);
      } else {
        this.explorer.clear('Generate features to see them here.');
      }
    }).catch((problem) => setStatus(problemTitle(problem)));
  }

  generate() {
    if (this.versions.isDirty()) {
      showAlert('warning', 'Features are generated for the saved impulse: save your changes first.');
      return;
    }
    byId('generate-features').disabled = true;
    api('POST', this.base + '/jobs/features?impulseVersion=' + this.versions.latest).then((started) => {
      clear(byId('feature-log'));
      this.follow(started.jobId);
    }).catch((problem) => {
      byId('generate-features').disabled = !this.editable;
      if (problem.jobId) {
        this.follow(problem.jobId);
      }
      showAlert('error', problemTitle(problem));
    });
  }

  follow(jobId) {
    if (this.follower && this.follower.jobId === jobId) {
      return;
    }
    if (this.follower) {
      this.follower.close();
    }
    const log = byId('feature-log');
    const bar = byId('feature-progress-bar');
    const progress = byId('feature-progress');
    log.classList.remove('hidden');
    progress.classList.remove('hidden');
    byId('cancel-features').classList.toggle('hidden', !this.editable);
    byId('generate-features').disabled = true;
    setStatus('Generating features (job ' + jobId + ')…');
    const ended = () => {
      this.follower = null;
      byId('cancel-features').classList.add('hidden');
      byId('generate-features').disabled = !this.editable;
    };
    this.follower = followJob(jobId, {
      onLog(line) {
        appendLine(log, line);
      },
      onProgress(job) {
        const percent = Math.round(job.progress * 100);
        bar.style.width = percent + '%';
        progress.setAttribute('aria-valuenow', String(percent));
        showAttempts(job, progress);
      },
      onEnd: (job) => {
        ended();
        bar.style.width = (job.state === 'succeeded' ? 100 : Math.round(job.progress * 100)) + '%';
        progress.setAttribute('data-state', job.state);
        if (job.state !== 'succeeded') {
          showAlert(job.state === 'cancelled' ? 'warning' : 'error', 'Feature generation '
            + job.state + (job.error ? ': ' + job.error : '.'));
        }
        this.loadStatus();
      },
      onError: (problem) => {
        ended();
        setStatus(problemTitle(problem));
      }
    });
  }

  cancel() {
    if (!this.follower) {
      return;
    }
    api('POST', '/api/v1/jobs/' + this.follower.jobId + '/cancel')
      .catch((problem) => showAlert('error', problemTitle(problem)));
  }
}
