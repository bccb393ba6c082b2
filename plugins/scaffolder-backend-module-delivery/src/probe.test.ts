import Ajv from 'ajv';
it('x', () => { expect(new Ajv()).toBeTruthy(); });
