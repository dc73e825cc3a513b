// Browser sign-in: get a challenge, have NCALayer sign it with the AUTH key, post the form.
import { NCALayer } from './ncalayer.js';

const script = document.getElementById('signin-script');
const status = document.getElementById('signin-status');
const button = document.getElementById('sign-button');

button.addEventListener('click', async () => {
  button.disabled = true;
  const layer = new NCALayer(script.dataset.ncalayerUrl);
  try {
    status.textContent = script.dataset.msgConnecting;
    await layer.connect();
    const response = await fetch('/api/v1/auth/challenges', { method: 'POST', headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error((await response.json()).detail);
    }
    const challenge = await response.json();
    status.textContent = script.dataset.msgSigning;
    const signature = await layer.signCms(challenge.dataToSign, { purpose: 'AUTH', locale: document.documentElement.lang || 'ru' });
    document.getElementById('challengeId').value = challenge.challengeId;
    document.getElementById('signature').value = signature;
    document.getElementById('signin-form').submit();
  } catch (error) {
    status.textContent = script.dataset.msgFailed + ' ' + error.message;
    button.disabled = false;
  } finally {
    layer.close();
  }
});
