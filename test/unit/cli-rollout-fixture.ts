// Goldens captured from the real kubectl v1.35.2 (`describe deployment|rs`, `rollout history`,
// `rollout undo --dry-run=client`) against a kbx API server holding exactly the objects in FIXTURE
// (a deployment with three owned ReplicaSets, revisions 1..3, and two events), at FIXTURE.now, TZ=UTC.
// Shared by describe-apps.test.ts and cli-rollout.test.ts.
import type { EventObject, KObject } from '../../src/api/types.js';

export const FIXTURE = {
  "now": 1795426023829,
  "deployment": {
    "apiVersion": "apps/v1",
    "kind": "Deployment",
    "metadata": {
      "annotations": {
        "deployment.kubernetes.io/revision": "3",
        "foo": "bar",
        "kubectl.kubernetes.io/last-applied-configuration": "{\"kind\":\"Deployment\"}\n",
        "kubernetes.io/change-cause": "kubectl set image deploy/web nginx=nginx:1.27 --record=true",
        "long": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
      },
      "creationTimestamp": "2026-11-23T09:14:30Z",
      "generation": 70,
      "labels": {
        "app": "web"
      },
      "name": "web",
      "namespace": "default",
      "uid": "044eb608-159c-4c84-b9cc-65707ca0573f"
    },
    "spec": {
      "minReadySeconds": 5,
      "replicas": 3,
      "selector": {
        "matchLabels": {
          "app": "web"
        }
      },
      "strategy": {
        "rollingUpdate": {
          "maxSurge": "25%",
          "maxUnavailable": 1
        },
        "type": "RollingUpdate"
      },
      "template": {
        "metadata": {
          "annotations": {
            "a": "b"
          },
          "labels": {
            "app": "web"
          }
        },
        "spec": {
          "containers": [
            {
              "env": [
                {
                  "name": "A",
                  "value": "b\nc"
                },
                {
                  "name": "POD",
                  "valueFrom": {
                    "fieldRef": {
                      "apiVersion": "v1",
                      "fieldPath": "metadata.name"
                    }
                  }
                }
              ],
              "image": "nginx:1.27",
              "name": "nginx",
              "ports": [
                {
                  "containerPort": 80,
                  "protocol": "TCP"
                }
              ],
              "readinessProbe": {
                "httpGet": {
                  "path": "/",
                  "port": 80
                },
                "periodSeconds": 5
              },
              "resources": {
                "limits": {
                  "cpu": "500m",
                  "memory": "128Mi"
                }
              },
              "volumeMounts": [
                {
                  "mountPath": "/data",
                  "name": "data"
                }
              ]
            }
          ],
          "nodeSelector": {
            "disk": "ssd"
          },
          "tolerations": [
            {
              "effect": "NoSchedule",
              "key": "k",
              "operator": "Exists"
            }
          ],
          "volumes": [
            {
              "emptyDir": {},
              "name": "data"
            }
          ]
        }
      }
    },
    "status": {
      "availableReplicas": 3,
      "conditions": [
        {
          "lastTransitionTime": "2026-11-23T09:00:00Z",
          "lastUpdateTime": "2026-11-23T09:00:00Z",
          "message": "Deployment has minimum availability.",
          "reason": "MinimumReplicasAvailable",
          "status": "True",
          "type": "Available"
        },
        {
          "lastTransitionTime": "2026-11-23T09:00:00Z",
          "lastUpdateTime": "2026-11-23T09:00:00Z",
          "message": "ok",
          "reason": "NewReplicaSetAvailable",
          "status": "True",
          "type": "Progressing"
        }
      ],
      "observedGeneration": 99,
      "readyReplicas": 3,
      "replicas": 3,
      "unavailableReplicas": 0,
      "updatedReplicas": 3
    }
  },
  "replicaSets": [
    {
      "metadata": {
        "annotations": {
          "deployment.kubernetes.io/desired-replicas": "3",
          "deployment.kubernetes.io/max-replicas": "4",
          "deployment.kubernetes.io/revision": "1"
        },
        "creationTimestamp": "2026-11-23T09:19:26Z",
        "generation": 1,
        "labels": {
          "app": "web",
          "pod-template-hash": "hash1"
        },
        "name": "web-hash1",
        "namespace": "default",
        "ownerReferences": [
          {
            "apiVersion": "apps/v1",
            "blockOwnerDeletion": true,
            "controller": true,
            "kind": "Deployment",
            "name": "web",
            "uid": "044eb608-159c-4c84-b9cc-65707ca0573f"
          }
        ],
        "uid": "4da8a4ce-fbaf-424d-893d-84b781770584"
      },
      "spec": {
        "replicas": 0,
        "selector": {
          "matchLabels": {
            "app": "web",
            "pod-template-hash": "hash1"
          }
        },
        "template": {
          "metadata": {
            "labels": {
              "app": "web",
              "pod-template-hash": "hash1"
            }
          },
          "spec": {
            "containers": [
              {
                "env": [
                  {
                    "name": "A",
                    "value": "b\nc"
                  }
                ],
                "image": "nginx:1.25",
                "name": "nginx",
                "ports": [
                  {
                    "containerPort": 80,
                    "protocol": "TCP"
                  }
                ],
                "resources": {}
              }
            ]
          }
        }
      }
    },
    {
      "metadata": {
        "annotations": {
          "deployment.kubernetes.io/desired-replicas": "3",
          "deployment.kubernetes.io/max-replicas": "4",
          "deployment.kubernetes.io/revision": "2",
          "kubernetes.io/change-cause": "kubectl set image deploy/web nginx=nginx:1.26 --record=true"
        },
        "creationTimestamp": "2026-11-23T09:19:28Z",
        "generation": 1,
        "labels": {
          "app": "web",
          "pod-template-hash": "hash2"
        },
        "name": "web-hash2",
        "namespace": "default",
        "ownerReferences": [
          {
            "apiVersion": "apps/v1",
            "blockOwnerDeletion": true,
            "controller": true,
            "kind": "Deployment",
            "name": "web",
            "uid": "044eb608-159c-4c84-b9cc-65707ca0573f"
          }
        ],
        "uid": "75f13966-7c26-4233-8fba-09729e1a38cd"
      },
      "spec": {
        "replicas": 0,
        "selector": {
          "matchLabels": {
            "app": "web",
            "pod-template-hash": "hash2"
          }
        },
        "template": {
          "metadata": {
            "labels": {
              "app": "web",
              "pod-template-hash": "hash2"
            }
          },
          "spec": {
            "containers": [
              {
                "env": [
                  {
                    "name": "A",
                    "value": "b\nc"
                  }
                ],
                "image": "nginx:1.26",
                "name": "nginx",
                "ports": [
                  {
                    "containerPort": 80,
                    "protocol": "TCP"
                  }
                ],
                "resources": {}
              }
            ]
          }
        }
      }
    },
    {
      "metadata": {
        "annotations": {
          "deployment.kubernetes.io/desired-replicas": "3",
          "deployment.kubernetes.io/max-replicas": "4",
          "deployment.kubernetes.io/revision": "3",
          "kubernetes.io/change-cause": "kubectl set image deploy/web nginx=nginx:1.27 --record=true"
        },
        "creationTimestamp": "2026-11-23T09:19:29Z",
        "generation": 2,
        "labels": {
          "app": "web",
          "pod-template-hash": "hash3"
        },
        "name": "web-hash3",
        "namespace": "default",
        "ownerReferences": [
          {
            "apiVersion": "apps/v1",
            "blockOwnerDeletion": true,
            "controller": true,
            "kind": "Deployment",
            "name": "web",
            "uid": "044eb608-159c-4c84-b9cc-65707ca0573f"
          }
        ],
        "uid": "1b868b33-9f46-4d1d-93d2-91ad92445e81"
      },
      "spec": {
        "replicas": 3,
        "selector": {
          "matchLabels": {
            "app": "web",
            "pod-template-hash": "hash3"
          }
        },
        "template": {
          "metadata": {
            "annotations": {
              "a": "b"
            },
            "labels": {
              "app": "web",
              "pod-template-hash": "hash3"
            }
          },
          "spec": {
            "containers": [
              {
                "env": [
                  {
                    "name": "A",
                    "value": "b\nc"
                  },
                  {
                    "name": "POD",
                    "valueFrom": {
                      "fieldRef": {
                        "apiVersion": "v1",
                        "fieldPath": "metadata.name"
                      }
                    }
                  }
                ],
                "image": "nginx:1.27",
                "name": "nginx",
                "ports": [
                  {
                    "containerPort": 80,
                    "protocol": "TCP"
                  }
                ],
                "readinessProbe": {
                  "httpGet": {
                    "path": "/",
                    "port": 80
                  },
                  "periodSeconds": 5
                },
                "resources": {
                  "limits": {
                    "cpu": "500m",
                    "memory": "128Mi"
                  }
                },
                "volumeMounts": [
                  {
                    "mountPath": "/data",
                    "name": "data"
                  }
                ]
              }
            ],
            "nodeSelector": {
              "disk": "ssd"
            },
            "tolerations": [
              {
                "effect": "NoSchedule",
                "key": "k",
                "operator": "Exists"
              }
            ],
            "volumes": [
              {
                "emptyDir": {},
                "name": "data"
              }
            ]
          }
        }
      }
    }
  ],
  "events": [
    {
      "count": 1,
      "firstTimestamp": "2026-11-23T09:01:00Z",
      "involvedObject": {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "name": "web",
        "namespace": "default",
        "uid": "044eb608-159c-4c84-b9cc-65707ca0573f"
      },
      "lastTimestamp": "2026-11-23T09:03:00Z",
      "message": "Scaled up replica set web-hash1 to 3",
      "metadata": {
        "name": "web.ev1",
        "namespace": "default"
      },
      "reason": "ScalingReplicaSet",
      "source": {
        "component": "deployment-controller"
      },
      "type": "Normal"
    },
    {
      "count": 2,
      "firstTimestamp": "2026-11-23T09:02:00Z",
      "involvedObject": {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "name": "web",
        "namespace": "default",
        "uid": "044eb608-159c-4c84-b9cc-65707ca0573f"
      },
      "lastTimestamp": "2026-11-23T09:04:00Z",
      "message": "Scaled up replica set web-hash2 to 3",
      "metadata": {
        "name": "web.ev2",
        "namespace": "default"
      },
      "reason": "ScalingReplicaSet",
      "source": {
        "component": "deployment-controller"
      },
      "type": "Normal"
    }
  ]
} as unknown as { now: number; deployment: KObject; replicaSets: KObject[]; events: EventObject[] };

export const GOLDEN = {
  describeDeployment: "Name:                   web\nNamespace:              default\nCreationTimestamp:      Mon, 23 Nov 2026 09:14:30 +0000\nLabels:                 app=web\nAnnotations:            deployment.kubernetes.io/revision: 3\n                        foo: bar\n                        kubernetes.io/change-cause: kubectl set image deploy/web nginx=nginx:1.27 --record=true\n                        long:\n                          xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...\nSelector:               app=web\nReplicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable\nStrategyType:           RollingUpdate\nMinReadySeconds:        5\nRollingUpdateStrategy:  1 max unavailable, 25% max surge\nPod Template:\n  Labels:       app=web\n  Annotations:  a: b\n  Containers:\n   nginx:\n    Image:      nginx:1.27\n    Port:       80/TCP\n    Host Port:  0/TCP\n    Limits:\n      cpu:      500m\n      memory:   128Mi\n    Readiness:  http-get //:80/ delay=0s timeout=0s period=5s #success=0 #failure=0\n    Environment:\n      A:    b\n            c\n      POD:   (v1:metadata.name)\n    Mounts:\n      /data from data (rw)\n  Volumes:\n   data:\n    Type:          EmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:        \n    SizeLimit:     <unset>\n  Node-Selectors:  disk=ssd\n  Tolerations:     k:NoSchedule op=Exists\nConditions:\n  Type           Status  Reason\n  ----           ------  ------\n  Available      True    MinimumReplicasAvailable\n  Progressing    True    NewReplicaSetAvailable\nOldReplicaSets:  web-hash1 (0/0 replicas created), web-hash2 (0/0 replicas created)\nNewReplicaSet:   web-hash3 (0/3 replicas created)\nEvents:\n  Type    Reason             Age                From                   Message\n  ----    ------             ----               ----                   -------\n  Normal  ScalingReplicaSet  26m                deployment-controller  Scaled up replica set web-hash1 to 3\n  Normal  ScalingReplicaSet  23m (x2 over 25m)  deployment-controller  Scaled up replica set web-hash2 to 3\n",
  describeRS3: "Name:           web-hash3\nNamespace:      default\nSelector:       app=web,pod-template-hash=hash3\nLabels:         app=web\n                pod-template-hash=hash3\nAnnotations:    deployment.kubernetes.io/desired-replicas: 3\n                deployment.kubernetes.io/max-replicas: 4\n                deployment.kubernetes.io/revision: 3\n                kubernetes.io/change-cause: kubectl set image deploy/web nginx=nginx:1.27 --record=true\nControlled By:  Deployment/web\nReplicas:       0 current / 3 desired\nPods Status:    0 Running / 0 Waiting / 0 Succeeded / 0 Failed\nPod Template:\n  Labels:       app=web\n                pod-template-hash=hash3\n  Annotations:  a: b\n  Containers:\n   nginx:\n    Image:      nginx:1.27\n    Port:       80/TCP\n    Host Port:  0/TCP\n    Limits:\n      cpu:      500m\n      memory:   128Mi\n    Readiness:  http-get //:80/ delay=0s timeout=0s period=5s #success=0 #failure=0\n    Environment:\n      A:    b\n            c\n      POD:   (v1:metadata.name)\n    Mounts:\n      /data from data (rw)\n  Volumes:\n   data:\n    Type:          EmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:        \n    SizeLimit:     <unset>\n  Node-Selectors:  disk=ssd\n  Tolerations:     k:NoSchedule op=Exists\nEvents:            <none>\n",
  describeRS1: "Name:           web-hash1\nNamespace:      default\nSelector:       app=web,pod-template-hash=hash1\nLabels:         app=web\n                pod-template-hash=hash1\nAnnotations:    deployment.kubernetes.io/desired-replicas: 3\n                deployment.kubernetes.io/max-replicas: 4\n                deployment.kubernetes.io/revision: 1\nControlled By:  Deployment/web\nReplicas:       0 current / 0 desired\nPods Status:    0 Running / 0 Waiting / 0 Succeeded / 0 Failed\nPod Template:\n  Labels:  app=web\n           pod-template-hash=hash1\n  Containers:\n   nginx:\n    Image:      nginx:1.25\n    Port:       80/TCP\n    Host Port:  0/TCP\n    Environment:\n      A:           b\n                   c\n    Mounts:        <none>\n  Volumes:         <none>\n  Node-Selectors:  <none>\n  Tolerations:     <none>\nEvents:            <none>\n",
  history: "deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         kubectl set image deploy/web nginx=nginx:1.26 --record=true\n3         kubectl set image deploy/web nginx=nginx:1.27 --record=true\n\n",
  history3: "deployment.apps/web with revision #3\nPod Template:\n  Labels:\tapp=web\n\tpod-template-hash=hash3\n  Annotations:\ta: b\n\tkubernetes.io/change-cause: kubectl set image deploy/web nginx=nginx:1.27 --record=true\n  Containers:\n   nginx:\n    Image:\tnginx:1.27\n    Port:\t80/TCP\n    Host Port:\t0/TCP\n    Limits:\n      cpu:\t500m\n      memory:\t128Mi\n    Readiness:\thttp-get //:80/ delay=0s timeout=0s period=5s #success=0 #failure=0\n    Environment:\n      A:\tb\n      \tc\n      POD:\t (v1:metadata.name)\n    Mounts:\n      /data from data (rw)\n  Volumes:\n   data:\n    Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t\n    SizeLimit:\t<unset>\n  Node-Selectors:\tdisk=ssd\n  Tolerations:\tk:NoSchedule op=Exists\n\n",
  undoDryRun2: "deployment.apps/web Pod Template:\n  Labels:\tapp=web\n\tpod-template-hash=hash2\n  Containers:\n   nginx:\n    Image:\tnginx:1.26\n    Port:\t80/TCP\n    Host Port:\t0/TCP\n    Environment:\n      A:\tb\n      \tc\n    Mounts:\t<none>\n  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n (dry run)\n",
  /** kubectl create deployment web --image=nginx --replicas=3 --port=80 --dry-run=client -o json */
  createJson1: "{\n    \"kind\": \"Deployment\",\n    \"apiVersion\": \"apps/v1\",\n    \"metadata\": {\n        \"name\": \"web\",\n        \"labels\": {\n            \"app\": \"web\"\n        }\n    },\n    \"spec\": {\n        \"replicas\": 3,\n        \"selector\": {\n            \"matchLabels\": {\n                \"app\": \"web\"\n            }\n        },\n        \"template\": {\n            \"metadata\": {\n                \"labels\": {\n                    \"app\": \"web\"\n                }\n            },\n            \"spec\": {\n                \"containers\": [\n                    {\n                        \"name\": \"nginx\",\n                        \"image\": \"nginx\",\n                        \"ports\": [\n                            {\n                                \"containerPort\": 80\n                            }\n                        ],\n                        \"resources\": {}\n                    }\n                ]\n            }\n        },\n        \"strategy\": {}\n    },\n    \"status\": {}\n}\n",
  /** kubectl create deployment web --image=a --dry-run=client -o json -- sh -c x */
  createJson2: "{\n    \"kind\": \"Deployment\",\n    \"apiVersion\": \"apps/v1\",\n    \"metadata\": {\n        \"name\": \"web\",\n        \"labels\": {\n            \"app\": \"web\"\n        }\n    },\n    \"spec\": {\n        \"replicas\": 1,\n        \"selector\": {\n            \"matchLabels\": {\n                \"app\": \"web\"\n            }\n        },\n        \"template\": {\n            \"metadata\": {\n                \"labels\": {\n                    \"app\": \"web\"\n                }\n            },\n            \"spec\": {\n                \"containers\": [\n                    {\n                        \"name\": \"a\",\n                        \"image\": \"a\",\n                        \"command\": [\n                            \"sh\",\n                            \"-c\",\n                            \"x\"\n                        ],\n                        \"resources\": {}\n                    }\n                ]\n            }\n        },\n        \"strategy\": {}\n    },\n    \"status\": {}\n}\n",
  /** kubectl create deployment hello --image=busybox:1.36 --image=registry.k8s.io/pause:3.9 --port=8080 -n demo --dry-run=client -o json */
  createJson3: "{\n    \"kind\": \"Deployment\",\n    \"apiVersion\": \"apps/v1\",\n    \"metadata\": {\n        \"name\": \"hello\",\n        \"namespace\": \"demo\",\n        \"labels\": {\n            \"app\": \"hello\"\n        }\n    },\n    \"spec\": {\n        \"replicas\": 1,\n        \"selector\": {\n            \"matchLabels\": {\n                \"app\": \"hello\"\n            }\n        },\n        \"template\": {\n            \"metadata\": {\n                \"labels\": {\n                    \"app\": \"hello\"\n                }\n            },\n            \"spec\": {\n                \"containers\": [\n                    {\n                        \"name\": \"busybox\",\n                        \"image\": \"busybox:1.36\",\n                        \"ports\": [\n                            {\n                                \"containerPort\": 8080\n                            }\n                        ],\n                        \"resources\": {}\n                    },\n                    {\n                        \"name\": \"pause\",\n                        \"image\": \"registry.k8s.io/pause:3.9\",\n                        \"resources\": {}\n                    }\n                ]\n            }\n        },\n        \"strategy\": {}\n    },\n    \"status\": {}\n}\n",
};
