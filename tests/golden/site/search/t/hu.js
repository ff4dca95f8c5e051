CLAIMCHECK_SEARCH.add("t:hu",{"huawei":[17,29,1,28,1,29,1,28,9,32,1,24,4,23]});
