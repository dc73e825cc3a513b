// A client of NCALayer, the signing application every Kazakh EDS holder runs (wss://127.0.0.1:13579).
// The same code talks to the sandbox signer; only the address differs. The private key never leaves
// the person's machine: we send the bytes to sign and get a CMS back.

const AUTH_OIDS = ['1.3.6.1.5.5.7.3.2'];   // clientAuth: the authentication key
const SIGN_OIDS = ['1.3.6.1.5.5.7.3.4'];   // emailProtection: the signing key

export class NCALayer {
  constructor(url) {
    this.url = url;
    this.socket = null;
  }

  connect() {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(this.url);
      socket.onerror = () => reject(new Error('NCALayer is not running or cannot be reached at ' + this.url));
      socket.onmessage = (event) => {
        const greeting = JSON.parse(event.data);
        if (greeting.result && greeting.result.version) {
          this.socket = socket;
          resolve(greeting.result.version);
        } else {
          reject(new Error('Unexpected greeting from NCALayer'));
        }
      };
    });
  }

  request(message) {
    return new Promise((resolve, reject) => {
      this.socket.onmessage = (event) => resolve(JSON.parse(event.data));
      this.socket.onerror = () => reject(new Error('The connection to NCALayer failed'));
      this.socket.onclose = () => reject(new Error('NCALayer closed the connection'));
      this.socket.send(JSON.stringify(message));
    });
  }

  /** Signs base64 data as CMS with the AUTH or SIGN key; returns the base64 CMS. */
  async signCms(base64Data, { purpose = 'SIGN', attach = true, timeStamp = false, locale = 'ru' } = {}) {
    const reply = await this.request({
      module: 'kz.gov.pki.knca.basics',
      method: 'sign',
      args: {
        allowedStorages: ['PKCS12', 'AKKaztokenStore', 'AKKZIDCardStore'],
        format: 'cms',
        data: base64Data,
        signingParams: { decode: true, encapsulate: attach, digested: false, tsaProfile: timeStamp ? {} : null },
        signerParams: { extKeyUsageOids: purpose === 'AUTH' ? AUTH_OIDS : SIGN_OIDS, chain: [] },
        locale,
      },
    });
    if (!reply.status) {
      throw new Error(reply.message || reply.code || 'NCALayer refused to sign');
    }
    const result = reply.body && reply.body.result;
    return Array.isArray(result) ? result[0] : result;
  }

  close() {
    if (this.socket) {
      this.socket.close();
    }
  }
}
