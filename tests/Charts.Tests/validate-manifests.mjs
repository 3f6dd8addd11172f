// Validates Kubernetes manifests (multi-document YAML on stdin) against the API's OpenAPI schemas, as packaged by
// kubernetes-models (Kubernetes 1.27, the chart's lowest supported version). Prints one line per invalid object and a
// total; exits 1 when any object is invalid. Run through scripts/kubernetes-validate.
import { loadAll } from "js-yaml";
import { readFileSync } from "node:fs";

const documents = loadAll(readFileSync(0, "utf8")).filter(Boolean);
let invalid = 0;
for (const document of documents) {
  const [group, version] = document.apiVersion.includes("/") ? document.apiVersion.split("/") : ["", document.apiVersion];
  const module = `kubernetes-models/${group ? `${group}/` : ""}${version}/${document.kind}`;
  try {
    const { [document.kind]: Model } = await import(module);
    new Model(document).validate();
  } catch (error) {
    invalid++;
    console.log(`${document.kind}/${document.metadata?.name}: ${error.message}`);
  }
}
console.log(`${documents.length - invalid} valid, ${invalid} invalid`);
process.exit(invalid ? 1 : 0);
