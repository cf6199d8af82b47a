// The README's complete configuration for real hardware, as the tests use it.

export const realHardware = {
  kioskId: 'HZ-XH-0042',
  production: true,
  port: 8700,
  dataDir: '/var/lib/kiosk',
  devices: {
    idReader: { driver: 'serial', path: '/dev/ttyUSB0', baudRate: 115200 },
    scanner: { driver: 'hid', vendorId: '0c2e', productId: '10d3', encoding: 'utf-8' },
    a4Printer: { driver: 'ipp', url: 'ipp://localhost:60000/ipp/print' },
    receiptPrinter: { driver: 'escpos-serial', path: '/dev/ttyS1', baudRate: 19200 },
  },
  gateway: {
    mode: 'remote',
    url: 'https://gateway.example.invalid/share',
    caFile: 'gateway-ca.pem',
    clientCertFile: 'kiosk.crt',
    clientKeyFile: 'kiosk.key',
    signingAlgorithm: 'ES256',
    signingKeyFile: 'signing.key',
    trustListFile: 'trust-list.jws',
    trustRootFile: 'trust-root.pem',
  },
  metrics: { textfileDir: '/var/lib/prometheus/node-exporter' },
};
